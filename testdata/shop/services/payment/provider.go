package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/sony/gobreaker/v2"
)

// errProviderUnavailable reports that the circuit breaker is open.
var errProviderUnavailable = errors.New("payment provider unavailable")

// chargeInput is the provider's create-charge request.
type chargeInput struct {
	AmountCents    int64  `json:"amount"`
	Currency       string `json:"currency"`
	Source         string `json:"source"`
	OrderID        string `json:"order_id"`
	IdempotencyKey string `json:"-"`
}

// providerCharge is the provider's charge object.
type providerCharge struct {
	ID             string `json:"id"`
	Status         string `json:"status"` // "succeeded" or "failed"
	FailureMessage string `json:"failure_message"`
}

// requestError is a 4xx answer other than a decline: our request was wrong,
// so neither a retry nor the breaker should react to it.
type requestError struct {
	status int
	body   string
}

func (e *requestError) Error() string {
	return fmt.Sprintf("provider rejected request: %d %s", e.status, e.body)
}

// provider is the client of the external payment provider.
type provider struct {
	baseURL string
	apiKey  string
	http    *http.Client
	breaker *gobreaker.CircuitBreaker[*providerCharge]
}

func newProvider(baseURL, apiKey string, log *slog.Logger) *provider {
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 2 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   3 * time.Second,
		ResponseHeaderTimeout: 4 * time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   32,
	}
	return &provider{
		baseURL: strings.TrimRight(baseURL, "/"),
		apiKey:  apiKey,
		// Every attempt is bounded end to end, body included.
		http: &http.Client{Timeout: 5 * time.Second, Transport: traced(transport)},
		breaker: gobreaker.NewCircuitBreaker[*providerCharge](gobreaker.Settings{
			Name:        "payment-provider",
			MaxRequests: 3,
			Interval:    30 * time.Second,
			// Timeout is how long the breaker stays open before probing
			// again; it does not bound calls (the client above does).
			Timeout: 15 * time.Second,
			ReadyToTrip: func(c gobreaker.Counts) bool {
				return c.Requests >= 20 && c.TotalFailures*2 >= c.Requests
			},
			IsSuccessful: func(err error) bool {
				var re *requestError
				return err == nil || errors.As(err, &re)
			},
			OnStateChange: func(name string, from, to gobreaker.State) {
				log.Warn("breaker state changed", "breaker", name, "from", from.String(), "to", to.String())
			},
		}),
	}
}

// charge creates a charge. Transient failures are retried with capped
// exponential backoff and jitter, at most 3 times (4 attempts), and never
// after ctx ends. Every attempt carries the same Idempotency-Key, so the
// provider captures the money at most once.
func (p *provider) charge(ctx context.Context, in chargeInput) (*providerCharge, error) {
	b := backoff.NewExponentialBackOff(
		backoff.WithInitialInterval(200*time.Millisecond),
		backoff.WithMultiplier(2),
		backoff.WithRandomizationFactor(0.5),
		backoff.WithMaxInterval(2*time.Second),
	)
	policy := backoff.WithContext(backoff.WithMaxRetries(b, 3), ctx)
	return backoff.RetryWithData(func() (*providerCharge, error) {
		c, err := p.breaker.Execute(func() (*providerCharge, error) { return p.post(ctx, in) })
		var re *requestError
		switch {
		case errors.Is(err, gobreaker.ErrOpenState), errors.Is(err, gobreaker.ErrTooManyRequests):
			return nil, backoff.Permanent(fmt.Errorf("%w: %v", errProviderUnavailable, err))
		case errors.As(err, &re):
			return nil, backoff.Permanent(err)
		}
		return c, err
	}, policy)
}

// post sends one create-charge request.
func (p *provider) post(ctx context.Context, in chargeInput) (*providerCharge, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("encode charge: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.baseURL+"/v1/charges", bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("build charge request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+p.apiKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", in.IdempotencyKey)

	// Deliberate mistake [directive]: this suppression outlived its finding.
	// The client has a Timeout (see newProvider), so httptimeout is silent
	// here and the directive silences nothing; left in place it would hide
	// the next real finding on this line.
	//faultline:ignore httptimeout the provider always answers within its SLA
	resp, err := p.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("create charge: %w", err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusPaymentRequired:
		// 402 carries a charge object with status "failed": a decline.
		var c providerCharge
		if err := json.NewDecoder(resp.Body).Decode(&c); err != nil {
			return nil, fmt.Errorf("decode charge: %w", err)
		}
		return &c, nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != http.StatusTooManyRequests:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, &requestError{status: resp.StatusCode, body: string(msg)}
	default:
		return nil, fmt.Errorf("create charge: provider answered %s", resp.Status)
	}
}
