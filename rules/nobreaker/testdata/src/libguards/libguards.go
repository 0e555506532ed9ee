// Package libguards guards one dependency with each breaker library;
// only the one run by a retry-only goresilience runner is reported.
package libguards

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/afex/hystrix-go/hystrix"
	circuit "github.com/cep21/circuit/v4"
	mercari "github.com/mercari/go-circuitbreaker"
	rubyist "github.com/rubyist/circuitbreaker"
	"github.com/slok/goresilience"
	gorcb "github.com/slok/goresilience/circuitbreaker"
	gorretry "github.com/slok/goresilience/retry"
)

var client = &http.Client{Timeout: time.Second} // want `no circuit breaker guards the HTTP service at env F_URL \(called in RetryOnly\)`

func call(ctx context.Context, env string) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv(env), nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callInline(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("C_URL"), nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Hystrix(ctx context.Context) error {
	return hystrix.DoC(ctx, "a", func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("A_URL"), nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, nil)
}

var manager circuit.Manager

func Cep21(ctx context.Context) error {
	c := manager.MustCreateCircuit("b")
	return c.Execute(ctx, func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("B_URL"), nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, nil)
}

var mcb = mercari.New(mercari.WithOpenTimeout(10 * time.Second))

func Mercari(ctx context.Context) error {
	_, err := mcb.Do(ctx, func() (interface{}, error) { return nil, callInline(ctx) })
	return err
}

func MercariManual(ctx context.Context) error {
	if !mcb.Ready() {
		return nil
	}
	err := callInline(ctx)
	return mcb.Done(ctx, err)
}

var rcb = rubyist.NewThresholdBreaker(10)

func Rubyist(ctx context.Context) error {
	return rcb.Call(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("D_URL"), nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, 0)
}

var guarded = goresilience.RunnerChain(gorcb.NewMiddleware(gorcb.Config{}), gorretry.NewMiddleware(gorretry.Config{Times: 2}))

func GoResilience(ctx context.Context) error {
	return guarded.Run(ctx, func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("E_URL"), nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

var retryOnly = gorretry.New(gorretry.Config{Times: 3})

func RetryOnly(ctx context.Context) error {
	return retryOnly.Run(ctx, func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("F_URL"), nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

var _ = call
