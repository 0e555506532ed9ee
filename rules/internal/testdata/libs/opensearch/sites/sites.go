package sites // want package:`calls\[elasticsearch\(env:OPENSEARCH_URL\); elasticsearch\(field:github.com/opensearch-project/opensearch-go/v4/opensearchapi.Client.Indices\); elasticsearch\(\)\]`

// The package holds the call sites of opensearch-go that the join ties to
// a node. The root client's addresses are read; the API client's are
// nested in its configuration (opensearchapi.Config{Client:
// opensearch.Config{Addresses}}), which the evidence does not reach, and a
// sub-client (c.Indices) is a field of the client, left symbolic.

import (
	"context"
	"os"
	"strings"

	"github.com/opensearch-project/opensearch-go/v4"
	"github.com/opensearch-project/opensearch-go/v4/opensearchapi"
)

// The root client, built with its addresses.
func Root() {
	c, _ := opensearch.NewClient(opensearch.Config{Addresses: []string{os.Getenv("OPENSEARCH_URL")}})
	c.Do(context.Background(), "GET", opensearchapi.InfoReq{}, nil)
}

// The API client nests the root client's configuration.
func API() {
	c, _ := opensearchapi.NewClient(opensearchapi.Config{Client: opensearch.Config{Addresses: []string{"https://search:9200"}}})
	c.Indices.Create(context.Background(), opensearchapi.IndicesCreateReq{Index: "orders", Body: strings.NewReader(`{}`)})
	c.Search(context.Background(), &opensearchapi.SearchReq{Indices: []string{"orders"}})
}
