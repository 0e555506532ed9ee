package sites // want package:`calls\[elasticsearch\(env:ORDERS_ES_URL bounded\); elasticsearch\(env:ORDERS_ES_URL timeout=1s\); elasticsearch\(host:search-logs:9200 bounded\); elasticsearch\(host:search-logs:9200 unbounded\)\]`

// The package holds the call sites of olivere/elastic that the join ties
// to a node: the address is the URL the client was built with, followed
// from the service through the client.

import (
	"context"
	"os"
	"time"

	"github.com/olivere/elastic/v7"
)

func Search() {
	c, _ := elastic.NewClient(elastic.SetURL(os.Getenv("ORDERS_ES_URL")))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Search("orders").Size(10).Do(ctx)
}

func Index() {
	c, _ := elastic.NewClient(elastic.SetURL("http://search-logs:9200"), elastic.SetSniff(false))
	c.Index().Index("logs").BodyJson(map[string]any{"msg": "hi"}).Do(context.Background())
}
