// Package errgroup is a stub of golang.org/x/sync/errgroup.
package errgroup

import "context"

type Group struct {
	cancel func(error)
	err    error
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	go func() { _ = f() }()
}

func (g *Group) Wait() error { return g.err }
