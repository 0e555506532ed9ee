// Package failover holds loops that move from one endpoint to the next
// (etcd's proxy/tcpproxy): the failed endpoint is marked and skipped, and
// the loop ends when none is left. No endpoint is retried: silent. A
// picker that may hand out the same endpoint again is a retry.
package failover

import (
	"net"
	"sync"
)

type endpoint struct {
	addr   string
	active bool
}

func (e *endpoint) inactivate() { e.active = false }

// Proxy spreads connections over endpoints.
type Proxy struct {
	mu        sync.Mutex
	endpoints []*endpoint
	next      int
}

// pick returns the next active endpoint, or nil when none is left.
func (p *Proxy) pick() *endpoint {
	for range p.endpoints {
		e := p.endpoints[p.next%len(p.endpoints)]
		p.next++
		if e.active {
			return e
		}
	}
	return nil
}

// Serve dials the endpoints in turn, deactivating each that fails (etcd's
// (*TCPProxy).serve): fail-over, silent.
func (p *Proxy) Serve() net.Conn {
	for {
		p.mu.Lock()
		e := p.pick()
		p.mu.Unlock()
		if e == nil {
			return nil
		}
		conn, err := net.Dial("tcp", e.addr)
		if err == nil {
			return conn
		}
		e.inactivate()
	}
}

// lookup returns the address of the next endpoint and whether there is
// one left.
func (p *Proxy) lookup() (string, bool) {
	if p.next >= len(p.endpoints) {
		return "", false
	}
	p.next++
	return p.endpoints[p.next-1].addr, true
}

// down marks an address as failed.
func (p *Proxy) down(addr string) {
	for _, e := range p.endpoints {
		if e.addr == addr {
			e.active = false
		}
	}
}

// ServeOK does the same with a comma-ok picker that hands out addresses:
// fail-over, silent.
func (p *Proxy) ServeOK() net.Conn {
	for {
		addr, ok := p.lookup()
		if !ok {
			return nil
		}
		conn, err := net.Dial("tcp", addr)
		if err == nil {
			return conn
		}
		p.down(addr)
	}
}

// RoundRobin picks again and again, and never marks the failed endpoint
// nor stops when all have failed: every endpoint is retried at once, with
// no delay.
func (p *Proxy) RoundRobin() net.Conn {
	for { // want `^the retry loop around net.Dial retries with no delay between attempts`
		p.mu.Lock()
		e := p.pick()
		p.mu.Unlock()
		if e == nil {
			return nil
		}
		conn, err := net.Dial("tcp", e.addr)
		if err == nil {
			return conn
		}
	}
}

// Sticky marks the failed endpoint but picks with a getter that hands
// out the same one every time: a retry with no delay.
func (p *Proxy) Sticky() net.Conn {
	for { // want `^the retry loop around net.Dial retries with no delay between attempts`
		e := p.primary()
		conn, err := net.Dial("tcp", e.addr)
		if err == nil {
			return conn
		}
		e.inactivate()
	}
}

func (p *Proxy) primary() *endpoint { return p.endpoints[0] }
