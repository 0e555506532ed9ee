// Package ordercycle holds functions that call each other in cycles, so
// that an answer cut at the cycle would depend on which function was
// asked about first.
package ordercycle

import (
	"net/http"
	"time"
)

// wait and settle call each other; only pause waits.
func wait(n int) {
	if n > 0 {
		settle(n - 1)
	}
}

func settle(n int) {
	if n > 0 {
		wait(n - 1)
		pause()
	}
}

func pause() { time.Sleep(time.Second) }

// Poll waits between attempts through wait → settle → pause: a delay of
// unknown shape, never "no delay".
func Poll(url string) {
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		wait(3)
	}
}
