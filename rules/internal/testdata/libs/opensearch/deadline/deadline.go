// Package deadline holds ctxdeadline's cases for opensearch-go v4: the
// calls are recorded but never judged, since Config.RequestTimeout (a
// struct field) and the environment variable
// OPENSEARCH_GO_REQUEST_TIMEOUT, neither of which faultline sees, may
// bound every attempt.
package deadline

import (
	"context"
	"strings"

	"github.com/opensearch-project/opensearch-go/v4"
	"github.com/opensearch-project/opensearch-go/v4/opensearchapi"
)

func client() *opensearchapi.Client {
	c, err := opensearchapi.NewClient(opensearchapi.Config{Client: opensearch.Config{Addresses: []string{"https://search:9200"}}})
	if err != nil {
		panic(err)
	}
	return c
}

// Silent: with no deadline, but the environment may bound it.
func Search() {
	client().Search(context.Background(), &opensearchapi.SearchReq{Indices: []string{"orders"}})
}

// Silent: a sub-client's call, likewise.
func CreateIndex() {
	client().Indices.Create(context.Background(), opensearchapi.IndicesCreateReq{Index: "orders", Body: strings.NewReader(`{}`)})
}

// Silent: a client with a per-attempt timeout, which bounds the call.
func RequestTimeout() {
	c, _ := opensearchapi.NewClient(opensearchapi.Config{Client: opensearch.Config{
		Addresses:      []string{"https://search:9200"},
		RequestTimeout: 5_000_000_000,
	}})
	c.Document.Get(context.Background(), opensearchapi.DocumentGetReq{Index: "orders", DocumentID: "1"})
}

// Through a helper: no fact, since the call is not judged.
func index(ctx context.Context, c *opensearchapi.Client) {
	c.Index(ctx, opensearchapi.IndexReq{Index: "orders", Body: strings.NewReader(`{}`)})
}

func Helper() {
	index(context.Background(), client())
}
