package sites // want package:`calls\[elasticsearch\(env:SEARCH_URL timeout=1s\); elasticsearch\(host:search-logs:9200 unbounded\); elasticsearch\(host:search:9200 unbounded\); elasticsearch\(unbounded\); elasticsearch\(host:search-v7:9200 unbounded\)\]`

// The package holds the call sites of go-elasticsearch that the join ties
// to a node. Only v7's Perform gets its client's address: in v8, Perform
// is promoted from the embedded BaseClient, whose address (&es.BaseClient)
// the evidence is not followed through; an esapi request takes its client
// as an argument, not as its receiver; and the typed API's builders
// (es.Search()) are function values.

import (
	"context"
	"net/http"
	"os"
	"time"

	elasticsearch7 "github.com/elastic/go-elasticsearch/v7"
	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

// The client's address is followed through the embedded BaseClient that
// Perform is promoted from.
func Health() {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{os.Getenv("SEARCH_URL")}})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "/_cluster/health", nil)
	es.Perform(req)
}

// The options API.
func Options() {
	es, _ := elasticsearch.New(elasticsearch.WithAddresses("http://search-logs:9200"))
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "/", nil)
	es.Perform(req)
}

// An esapi request is sent with the client as an argument: the
// evidence is the client's.
func Search() {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{"http://search:9200"}})
	esapi.SearchRequest{Index: []string{"orders"}}.Do(context.Background(), es)
}

// The typed client's builders are function values.
func Typed() {
	es, _ := elasticsearch.NewTypedClient(elasticsearch.Config{Addresses: []string{"http://search:9200"}})
	es.Search().Index("orders").Do(context.Background())
}

// v7's Client has Perform itself: its client is followed.
func HealthV7() {
	es, _ := elasticsearch7.NewClient(elasticsearch7.Config{Addresses: []string{"http://search-v7:9200"}})
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "/_cluster/health", nil)
	es.Perform(req)
}
