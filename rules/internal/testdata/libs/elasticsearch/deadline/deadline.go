// Package deadline holds ctxdeadline's cases for go-elasticsearch v8.
package deadline

import (
	"context"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
)

func client() *elasticsearch.Client {
	es, err := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{os.Getenv("ES_URL")}})
	if err != nil {
		panic(err)
	}
	return es
}

func typed() *elasticsearch.TypedClient {
	es, err := elasticsearch.NewTypedClient(elasticsearch.Config{Addresses: []string{"http://search:9200"}})
	if err != nil {
		panic(err)
	}
	return es
}

// Hazard: an esapi request with a context that has no deadline.
func Hazard() {
	esapi.SearchRequest{Index: []string{"orders"}}.Do(context.Background(), client()) // want `context.Background\(\) reaches \(esapi.SearchRequest\).Do with no deadline: the client's HTTP transport has no overall timeout`
}

// Hazard: the typed API's Do, under a context that can be cancelled but
// has no deadline.
func Typed() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(search.Search\).Do with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	typed().Search().Index("orders").Do(ctx)
}

// Hazard: a request behind the esapi.Request interface.
func Interface() {
	var r esapi.Request = esapi.IndexRequest{Index: "orders", Body: strings.NewReader(`{}`)}
	r.Do(context.TODO(), client()) // want `context.TODO\(\) reaches \(esapi.Request\).Do with no deadline`
}

// Through a helper: the caller's context reaches the request.
func count(ctx context.Context, es *elasticsearch.Client) { // want count:"ctxdeadline\\(param0 → \\(esapi.CountRequest\\).Do\\)"
	esapi.CountRequest{Index: []string{"orders"}}.Do(ctx, es)
}

func Helper() {
	count(context.Background(), client()) // want `context.Background\(\) reaches deadline.count → \(esapi.CountRequest\).Do with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	esapi.SearchRequest{Index: []string{"orders"}}.Do(ctx, client())
	typed().Search().Index("orders").Do(ctx)
	count(ctx, client())
}

// Trap: the request's Timeout is the search timeout the cluster applies
// to its shards (the timeout query parameter), not a bound of the call.
func ServerTimeout() {
	esapi.SearchRequest{Index: []string{"orders"}, Timeout: time.Second}.Do(context.Background(), client()) // want `context.Background\(\) reaches \(esapi.SearchRequest\).Do with no deadline`
}

// Trap: retries with a backoff bound nothing either.
func Retries() {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{
		Addresses:    []string{"http://search:9200"},
		MaxRetries:   5,
		RetryBackoff: func(int) time.Duration { return time.Second },
	})
	esapi.InfoRequest{}.Do(context.Background(), es) // want `context.Background\(\) reaches \(esapi.InfoRequest\).Do with no deadline`
}

// Perform takes a request: its context is the call's.
func Perform() {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "/_cluster/health", nil) // want `context.Background\(\) reaches \(\*elasticsearch.BaseClient\).Perform with no deadline`
	client().Perform(req)
}

// Silent: the functional API calls a function value, which faultline does
// not see: the context passed as an option is not followed.
func Functional() {
	es := client()
	es.Search(es.Search.WithContext(context.Background()), es.Search.WithIndex("orders"))
}
