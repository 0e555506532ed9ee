// Package deadline7 holds ctxdeadline's cases for go-elasticsearch v7.
package deadline7

import (
	"context"
	"time"

	"github.com/elastic/go-elasticsearch/v7"
	"github.com/elastic/go-elasticsearch/v7/esapi"
)

func Hazard() {
	es, _ := elasticsearch.NewDefaultClient()
	esapi.GetRequest{Index: "orders", DocumentID: "1"}.Do(context.Background(), es) // want `context.Background\(\) reaches \(esapi.GetRequest\).Do with no deadline`
}

func Safe() {
	es, _ := elasticsearch.NewDefaultClient()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	esapi.GetRequest{Index: "orders", DocumentID: "1"}.Do(ctx, es)
}
