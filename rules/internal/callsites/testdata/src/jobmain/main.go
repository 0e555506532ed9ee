package main // want package:`calls\[http\(host:api unbounded breaker=no\)\]`

// A tool that starts jobs through an interface no server implements
// (trap: no "starts").

import (
	"net/http"

	"srvlib"
)

type task struct{}

func (task) Start() error {
	_, err := http.Get("http://api/run")
	return err
}
func (task) Name() string { return "task" }

func run(j srvlib.Job) error { return j.Start() }

func main() { _ = run(task{}) }
