// Package bootstrap reproduces nats-server's system-account bootstrap
// (server.go): a 1 s ticker loop retries a call that, through helpers
// calling each other, waits itself. The wait between attempts is then of
// unknown length, whichever helper was analysed first: silent, every
// time (it was reported or not depending on the order of questions).
package bootstrap

import (
	"net"
	"time"
)

type Server struct {
	quit  chan struct{}
	peers []string
}

// update applies a claim and, through relay, notify and flush, may wait.
// Asked about notify first, a memo cut at the cycle took relay (and so
// update) for a function that never waits.
func (s *Server) update(claim string) error {
	if claim == "" {
		return nil
	}
	return s.relay(claim, 2)
}

func (s *Server) notify(claim string, n int) error {
	if n == 0 {
		return s.flush()
	}
	return s.relay(claim, n-1)
}

func (s *Server) relay(claim string, n int) error {
	c, err := net.Dial("tcp", s.peers[0])
	if err != nil {
		return err
	}
	c.Close()
	return s.notify(claim, n)
}

func (s *Server) flush() error {
	select {
	case <-time.After(10 * time.Millisecond):
	case <-s.quit:
	}
	return nil
}

// Start fetches the system account every second until it is applied.
func (s *Server) Start(fetch func() (string, error)) {
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-s.quit:
				return
			case <-t.C:
				claim, err := fetch()
				if err != nil {
					continue
				}
				if err := s.update(claim); err != nil {
					continue
				}
				return
			}
		}
	}()
}
