// Command web serves pages read from feed's streams.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	feedv1 "example.com/streams/proto/feed/v1"
)

type web struct {
	feed feedv1.FeedServiceClient
	api  *http.Client
	// apiTimeout bounds the calls of api: a flag's value.
	apiTimeout time.Duration
}

// items calls api with a deadline whose duration is a flag's value.
func (w *web) items(rw http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), w.apiTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("API_URL")+"/items", nil)
	if err != nil {
		return
	}
	resp, err := w.api.Do(req)
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadGateway)
		return
	}
	_ = resp.Body.Close()
}

// list reads a listing to its end within the request, whose context has
// no deadline: reported here, and in feed's List.
func (w *web) list(rw http.ResponseWriter, r *http.Request) {
	s, err := w.feed.List(r.Context(), wrapperspb.String("all"))
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadGateway)
		return
	}
	for {
		if _, err := s.Recv(); err != nil {
			return
		}
	}
}

// upload bounds its client stream: silent here and in feed's Upload.
func (w *web) upload(rw http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	s, err := w.feed.Upload(ctx)
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadGateway)
		return
	}
	_ = s.Send(wrapperspb.String("chunk"))
	_, _ = s.CloseAndRecv()
}

// follow opens Watch once within the request: the trap beside watch's
// reconnect loop, which holds the same method open on purpose.
func (w *web) follow(rw http.ResponseWriter, r *http.Request) {
	s, err := w.feed.Watch(r.Context(), wrapperspb.String("news"))
	if err != nil {
		http.Error(rw, err.Error(), http.StatusBadGateway)
		return
	}
	_, _ = s.Recv()
}

// watch re-opens Watch in a reconnect loop for the process' life.
func (w *web) watch(ctx context.Context) {
	for ctx.Err() == nil {
		s, err := w.feed.Watch(ctx, wrapperspb.String("all"))
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
	}
}

// session holds a bidirectional stream open for the process' life.
func (w *web) session(ctx context.Context) error {
	s, err := w.feed.Chat(ctx)
	if err != nil {
		return err
	}
	for {
		if _, err := s.Recv(); err != nil {
			return err
		}
	}
}

func main() {
	apiTimeout := flag.Duration("api-timeout", 2*time.Second, "timeout of calls to api")
	flag.Parse()
	conn, err := grpc.NewClient(os.Getenv("FEED_ADDR"))
	if err != nil {
		log.Fatal(err)
	}
	w := &web{feed: feedv1.NewFeedServiceClient(conn), api: &http.Client{}, apiTimeout: *apiTimeout}
	go w.watch(context.Background())
	go func() { _ = w.session(context.Background()) }()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /list", w.list)
	mux.HandleFunc("POST /upload", w.upload)
	mux.HandleFunc("GET /follow", w.follow)
	mux.HandleFunc("GET /items", w.items)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
