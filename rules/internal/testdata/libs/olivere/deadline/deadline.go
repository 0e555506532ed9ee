// Package deadline holds ctxdeadline's cases for olivere/elastic v7.
package deadline

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/olivere/elastic/v7"
)

func client() *elastic.Client {
	// NewClient checks the nodes and sniffs the cluster within its own
	// startup timeouts: no context of the caller's is needed.
	c, err := elastic.NewClient(elastic.SetURL(os.Getenv("ES_URL")))
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: a search with a context that has no deadline.
func Hazard() {
	client().Search("orders").Do(context.Background()) // want `context.Background\(\) reaches \(\*elastic.SearchService\).Do with no deadline: the client's HTTP transport has no overall timeout`
}

// Hazard: an index request under a cancellable context with no deadline.
func Index() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*elastic.IndexService\).Do with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	client().Index().Index("orders").Id("1").BodyJson(map[string]any{"id": 1}).Do(ctx)
}

// Through a helper: the caller's context reaches the count.
func count(ctx context.Context, c *elastic.Client) int64 { // want count:"ctxdeadline\\(param0 → \\(\\*elastic.CountService\\).Do\\)"
	n, _ := c.Count("orders").Do(ctx)
	return n
}

func Helper() {
	count(context.TODO(), client()) // want `context.TODO\(\) reaches deadline.count → \(\*elastic.CountService\).Do with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	client().Search("orders").Do(ctx)
	count(ctx, client())
}

// Silent: a client given its own HTTP client, whose timeout faultline
// does not read.
func OwnHTTPClient() {
	c, _ := elastic.NewClient(elastic.SetURL("http://search:9200"), elastic.SetHttpClient(&http.Client{Timeout: 5 * time.Second}))
	c.Search("orders").Do(context.Background())
}

// Silent: DialContext bounds its checks of the cluster itself.
func Dial() {
	elastic.DialContext(context.Background(), elastic.SetURL("http://search:9200"))
}

// Trap: the search's Timeout is the cluster's search timeout, sent in the
// request body; it does not bound the call.
func SearchTimeout() {
	client().Search("orders").Timeout("1s").Do(context.Background()) // want `context.Background\(\) reaches \(\*elastic.SearchService\).Do with no deadline`
}

// Trap: the health check's timeout bounds the health check only.
func HealthcheckTimeout() {
	c, _ := elastic.NewClient(elastic.SetURL("http://search:9200"), elastic.SetHealthcheckTimeout(time.Second))
	c.Get().Index("orders").Id("1").Do(context.Background()) // want `context.Background\(\) reaches \(\*elastic.GetService\).Do with no deadline`
}
