package sites // want package:`calls\[http\(env:USERS_URL\); http\(host:billing\.internal:8080 timeout=1s\); http\(host:audit:9000 unbounded\); http\(host:legacy:8000\); http\(host:stock:8081 timeout=1s\)\]`

// The package holds the call sites of resty v2 that the join ties to a
// node: the URL a request is sent to, or the base URL of its client,
// followed back through the request's chain to the client.

import (
	"context"
	"os"
	"time"

	"github.com/go-resty/resty/v2"
)

type users struct{ api *resty.Client }

func newUsers() *users {
	return &users{api: resty.New().SetBaseURL(os.Getenv("USERS_URL")).SetTimeout(2 * time.Second)}
}

// A relative URL: the client's base URL names the target.
func (u *users) Get(ctx context.Context) error {
	_, err := u.api.R().SetContext(ctx).Get("/users/1")
	return err
}

// An absolute URL, under a context with a deadline.
func Billing() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	resty.New().R().SetContext(ctx).Post("http://billing.internal:8080/charges")
}

// Execute takes the URL second.
func Audit() {
	resty.New().R().SetContext(context.Background()).Execute(resty.MethodPut, "http://audit:9000/events")
}

// No SetContext: the request runs under context.Background() and nothing
// bounds it, but no bound is recorded either way: a chain with no
// SetContext is not taken as proof of none.
func Legacy() {
	resty.New().SetHostURL("http://legacy:8000").R().Get("/ping")
}

// The base URL is set on the client once it is built.
func Stock() {
	c := resty.New()
	c.SetBaseURL("http://stock:8081")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.R().SetContext(ctx).Get("/levels")
}
