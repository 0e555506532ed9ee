// Package bone stands for a router the route table does not model
// (github.com/go-zoo/bone's shape).
package bone

import "net/http"

type Mux struct{}

func New() *Mux { return &Mux{} }

func (m *Mux) GetFunc(path string, h http.HandlerFunc) *Mux { return m }
func (m *Mux) Handle(path string, h http.Handler) *Mux      { return m }
func (m *Mux) Static(path, dir string) *Mux                 { return m }

func (m *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
