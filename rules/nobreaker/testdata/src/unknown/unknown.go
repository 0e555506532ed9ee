// Package unknown makes calls whose dependency the code does not show
// (an address from a parameter), and calls to a datastore: silent.
package unknown

import (
	"context"
	"net/http"

	"github.com/redis/go-redis/v9"
)

func Fetch(ctx context.Context, url string) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Session(ctx context.Context) (string, error) {
	rdb := redis.NewClient(&redis.Options{Addr: "sessions:6379"})
	return rdb.Get(ctx, "k").Result()
}
