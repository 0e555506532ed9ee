// Package deadline holds ctxdeadline's cases for twirp: a generated client
// (haberdasher, a stand-in) sends its request through the HTTPClient
// interface the generated code declares, whose Do faultline does not model
// (the interface is declared in the user's module, not in net/http or
// twirp). So the hazards below are missed today: no fact reaches
// MakeHat, and nothing is reported. The only fact is the one of the
// generated helper that hands its context back.
package deadline

import (
	"context"
	"net/http"
	"os"
	"time"

	"example.com/libs/twirp/haberdasher"
)

func client() haberdasher.Haberdasher {
	return haberdasher.NewHaberdasherProtobufClient(os.Getenv("HATS_URL"), http.DefaultClient)
}

// Missed: a context with no deadline reaches the request.
func Hazard() {
	client().MakeHat(context.Background(), &haberdasher.Size{Inches: 12})
}

// Missed: no fact on the helper.
func make(ctx context.Context, h haberdasher.Haberdasher) {
	h.MakeHat(ctx, &haberdasher.Size{Inches: 12})
}

func Helper() {
	make(context.Background(), client())
}

// Safe.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	client().MakeHat(ctx, &haberdasher.Size{Inches: 12})
}
