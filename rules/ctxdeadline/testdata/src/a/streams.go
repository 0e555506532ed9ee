package a

import (
	"context"
	"net/http"
	"time"

	"b"
	"pb"
)

type lister struct{ c pb.PaymentServiceClient }

// A server stream opened once with a request's context is a listing read
// within the request: reported like a unary call.
func (l *lister) handleList(w http.ResponseWriter, r *http.Request) {
	_ = b.Watch(r.Context(), l.c) // want `the request context of handler \(\*a.lister\).handleList has no deadline unless the handler is wrapped by http.TimeoutHandler: it reaches b.Watch → \(pb.PaymentServiceClient\).Watch → \(grpc.ClientConnInterface\).NewStream`
}

// Its twin bounds the request's context first: silent.
func (l *lister) handleListBounded(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = b.Watch(ctx, l.c)
}

// The trap derives a deadline and opens the stream with the parent.
func (l *lister) handleListTrap(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = ctx
	_, _ = l.c.Watch(r.Context(), &pb.WatchRequest{}) // want `the request context of handler \(\*a.lister\).handleListTrap has no deadline .*: it reaches \(pb.PaymentServiceClient\).Watch → \(grpc.ClientConnInterface\).NewStream`
}

// A watch re-opened in a loop is held open on purpose: silent, even with
// the request's context.
func (l *lister) handleFollow(w http.ResponseWriter, r *http.Request) {
	for r.Context().Err() == nil {
		s, err := l.c.Watch(r.Context(), &pb.WatchRequest{})
		if err != nil {
			continue
		}
		_ = s
	}
}

func (l *lister) routes(mux *http.ServeMux) {
	mux.HandleFunc("/list", l.handleList)
	mux.HandleFunc("/list/bounded", l.handleListBounded)
	mux.HandleFunc("/list/trap", l.handleListTrap)
	mux.HandleFunc("/follow", l.handleFollow)
}
