package catalog

func init() { register(&netHTTP, &retryableHTTP) }

// netHTTP: the standard library's HTTP client.
var netHTTP = Library{
	Name:     "net/http",
	Paths:    []string{"net/http"},
	Versions: "Go 1.26",
	Notes: "http.DefaultClient and a zero http.Client have no Timeout; the package-level Get, Head, Post " +
		"and PostForm use DefaultClient. A request's context bounds Do; the client's Timeout bounds every " +
		"request it sends, body included.",
	APIs: []API{
		advise(fn("net/http", "Get", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodGet, url, nil) sent with http.DefaultClient.Do"),
		advise(fn("net/http", "Head", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodHead, url, nil) sent with http.DefaultClient.Do"),
		advise(fn("net/http", "Post", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodPost, url, body), its Content-Type header set, sent with http.DefaultClient.Do"),
		advise(fn("net/http", "PostForm", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(data.Encode())), its Content-Type header set, sent with http.DefaultClient.Do"),
		httpDo("net/http", "Client", "Do"),
		advise(method("net/http", "Client", "Get", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodGet, url, nil) sent with the client's Do"),
		advise(method("net/http", "Client", "Head", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodHead, url, nil) sent with the client's Do"),
		advise(method("net/http", "Client", "Post", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodPost, url, body), its Content-Type header set, sent with the client's Do"),
		advise(method("net/http", "Client", "PostForm", HTTP, -1), "http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(data.Encode())), its Content-Type header set, sent with the client's Do"),
		httpDo("net/http", "Transport", "RoundTrip"),
		httpDo("net/http", "RoundTripper", "RoundTrip"),
	},
}

// retryableHTTP: hashicorp/go-retryablehttp, a retrying wrapper of
// net/http.
var retryableHTTP = Library{
	Name:     "go-retryablehttp",
	Paths:    []string{"github.com/hashicorp/go-retryablehttp", "github.com/hashicorp/go-cleanhttp"},
	Versions: "v0.7.x (v0.7.8 read)",
	Notes: "NewClient retries 4 times with 1s to 30s of backoff, through cleanhttp.DefaultPooledClient, " +
		"which has no Client.Timeout: set HTTPClient.Timeout (per attempt) or a request context deadline.",
	APIs: []API{
		advise(fn("github.com/hashicorp/go-retryablehttp", "Get", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodGet, url, nil) sent with a client's Do"),
		advise(fn("github.com/hashicorp/go-retryablehttp", "Head", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodHead, url, nil) sent with a client's Do"),
		advise(fn("github.com/hashicorp/go-retryablehttp", "Post", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body), its Content-Type header set, sent with a client's Do"),
		advise(fn("github.com/hashicorp/go-retryablehttp", "PostForm", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(data.Encode())), its Content-Type header set, sent with a client's Do"),
		httpDo("github.com/hashicorp/go-retryablehttp", "Client", "Do"),
		advise(method("github.com/hashicorp/go-retryablehttp", "Client", "Get", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodGet, url, nil) sent with the client's Do"),
		advise(method("github.com/hashicorp/go-retryablehttp", "Client", "Head", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodHead, url, nil) sent with the client's Do"),
		advise(method("github.com/hashicorp/go-retryablehttp", "Client", "Post", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, body), its Content-Type header set, sent with the client's Do"),
		advise(method("github.com/hashicorp/go-retryablehttp", "Client", "PostForm", HTTP, -1), "retryablehttp.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(data.Encode())), its Content-Type header set, sent with the client's Do"),
	},
}
