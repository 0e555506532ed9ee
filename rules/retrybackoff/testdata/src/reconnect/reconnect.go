// Package reconnect re-opens long-lived gRPC streams (xDS sessions,
// watches) in reconnect loops: a loop that goes round again when opening
// the stream fails, and again when the stream ends. With no delay, or a
// fixed one with no jitter, every client of a restarting server reconnects
// at once, or in waves.
package reconnect

import (
	"context"
	"math/rand"
	"time"

	"example.com/pb/discovery"
)

type Client struct {
	client discovery.AggregatedDiscoveryServiceClient
}

// No delay when opening fails: a tight loop.
func (c *Client) runTight(ctx context.Context) {
	for ctx.Err() == nil { // want `the reconnect loop around \(discovery.AggregatedDiscoveryServiceClient\).StreamAggregatedResources re-opens the stream with no delay when opening it fails`
		s, err := c.client.StreamAggregatedResources(ctx)
		if err != nil {
			continue
		}
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
	}
}

// A fixed delay with no jitter: waves.
func (c *Client) runFixed(ctx context.Context) {
	for ctx.Err() == nil {
		s, err := c.client.Watch(ctx, &discovery.DiscoveryRequest{})
		if err != nil {
			time.Sleep(time.Second) // want `the reconnect loop around \(discovery.AggregatedDiscoveryServiceClient\).Watch waits a fixed delay with no jitter before re-opening the stream`
			continue
		}
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
	}
}

// Backoff with jitter: silent.
func (c *Client) runBackoff(ctx context.Context) {
	delay := 100 * time.Millisecond
	for ctx.Err() == nil {
		s, err := c.client.StreamAggregatedResources(ctx)
		if err != nil {
			time.Sleep(delay + time.Duration(rand.Int63n(int64(delay))))
			delay *= 2
			continue
		}
		delay = 100 * time.Millisecond
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
	}
}

// Trap: the wait is on the path after the stream ends, not after a failed
// opening, which goes round at once.
func (c *Client) runTrap(ctx context.Context) {
	for ctx.Err() == nil { // want `the reconnect loop around \(discovery.AggregatedDiscoveryServiceClient\).StreamAggregatedResources re-opens the stream with no delay when opening it fails`
		s, err := c.client.StreamAggregatedResources(ctx)
		if err != nil {
			continue
		}
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
		time.Sleep(time.Duration(rand.Int63n(int64(time.Second))))
	}
}

// A unary call in the same shape is not a reconnect loop (it is no retry
// loop either: it goes round after success).
func (c *Client) poll(ctx context.Context) {
	for ctx.Err() == nil {
		if _, err := c.client.Fetch(ctx, &discovery.DiscoveryRequest{}); err != nil {
			continue
		}
	}
}
