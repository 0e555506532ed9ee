package sites // want package:`calls\[bind example\.com/libs/twirp/haberdasher\.NewHaberdasherProtobufClient#0=env:HATS_URL\]`

// The package holds a call of a twirp generated client. The request it
// sends (through the generated HTTPClient interface, in generated code) is
// no site: only the binding of the base URL is recorded.

import (
	"context"
	"net/http"
	"os"
	"time"

	"example.com/libs/twirp/haberdasher"
)

func Hats() {
	h := haberdasher.NewHaberdasherProtobufClient(os.Getenv("HATS_URL"), &http.Client{Timeout: time.Second})
	h.MakeHat(context.Background(), &haberdasher.Size{Inches: 12})
}
