// Package deadline is a stub of eapache/go-resiliency/deadline.
package deadline

import "time"

type Deadline struct{ timeout time.Duration }

func New(timeout time.Duration) *Deadline { return &Deadline{timeout} }

func (d *Deadline) Run(work func(<-chan struct{}) error) error { return work(nil) }
