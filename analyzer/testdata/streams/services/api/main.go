// Command api serves items to web, reading them from the database with
// the request's context.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"
)

type api struct{ db *sql.DB }

// items: web, its only caller, calls it through a client whose timeout is
// a flag's value: not a constant, but a timeout all the same, which ends
// the request (silent).
func (a *api) items(w http.ResponseWriter, r *http.Request) {
	rows, err := a.db.QueryContext(r.Context(), `SELECT id FROM items`)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = rows.Close()
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	a := &api{db: db}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", a.items)
	srv := &http.Server{Addr: ":8081", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
