// Package clientembed sends requests through types that embed http.Client and
// forward Do: they have the embedded client's bounds.
package clientembed

import (
	"context"
	"net/http"
	"time"

	"clientembedlib"
)

type api struct {
	*http.Client
	base string
}

func (a *api) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Accept", "application/json")
	return a.Client.Do(req)
}

// byValue embeds the client itself.
type byValue struct{ http.Client }

func (b *byValue) Do(req *http.Request) (*http.Response, error) { return b.Client.Do(req) }

// Hazard: the embedded client has no Timeout.
func embedded(u string) {
	a := &api{Client: &http.Client{}, base: u}
	req, _ := http.NewRequest("GET", u, nil)
	a.Do(req) // want `\(\*clientembed.api\).Do on a clientembed.api whose http.Client has no Timeout, of a request built without a context, can wait forever`
	a.Get(u)  // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}

func embeddedValue(u string) {
	b := &byValue{}
	req, _ := http.NewRequest("GET", u, nil)
	b.Do(req) // want `\(\*clientembed.byValue\).Do on a clientembed.byValue whose http.Client has no Timeout, of a request built without a context`
}

// Hazard: the same through a type of another package.
func other(u string) {
	c := clientembedlib.New(&http.Client{})
	req, _ := http.NewRequest("GET", u, nil)
	c.Do(req) // want `\(\*clientembedlib.Client\).Do on a clientembedlib.Client whose http.Client has no Timeout, of a request built without a context`

	d := &clientembedlib.Client{Client: &http.Client{}}
	d.Do(req) // want `\(\*clientembedlib.Client\).Do on a clientembedlib.Client whose http.Client has no Timeout`
}

// Safe twins: the embedded client has a Timeout, or the request a
// deadline.
func safe(ctx context.Context, u string) {
	a := &api{Client: &http.Client{Timeout: time.Second}}
	req, _ := http.NewRequest("GET", u, nil)
	a.Do(req)
	a.Get(u)

	b := &byValue{}
	b.Timeout = time.Second
	b.Do(req)

	c := clientembedlib.New(&http.Client{Timeout: time.Second})
	c.Do(req)

	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	dreq, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	(&api{Client: &http.Client{}}).Do(dreq)
}

// stamped does not forward the request it is given: it sends one of its
// own, with a deadline.
type stamped struct{ *http.Client }

func (s *stamped) Do(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), time.Second)
	defer cancel()
	return s.Client.Do(req.WithContext(ctx))
}

// Trap: the wrapper's Do bounds the request: not the embedded client's
// bounds.
func trap(u string) {
	s := &stamped{Client: &http.Client{}}
	req, _ := http.NewRequest("GET", u, nil)
	s.Do(req)
}

// Trap: another package's wrapper whose Do configures the client before
// sending: it looks like a forwarder of an untimed client, and is not.
func otherTuned(u string) {
	t := &clientembedlib.Tuned{Client: &http.Client{}}
	req, _ := http.NewRequest("GET", u, nil)
	t.Do(req)
}
