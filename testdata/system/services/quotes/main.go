// Command quotes prices products over HTTP. Nothing in its name says who
// calls it: frontend reaches it through PRICING_BASE_URL, and the join
// links the two by the path frontend calls, which only quotes serves.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"
)

type server struct{ db *sql.DB }

// quote reads the price with the request's context. Its only caller,
// frontend, calls it with a client timeout: the connection closes when
// frontend gives up, which cancels this context.
func (s *server) quote(w http.ResponseWriter, r *http.Request) {
	var cents int64
	if err := s.db.QueryRowContext(r.Context(), `SELECT cents FROM prices WHERE sku = $1`, r.PathValue("sku")).Scan(&cents); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
	}
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	s := &server{db: db}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/quote/{sku}", s.quote)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
