package catalog

func init() { register(&opensearchGo) }

// opensearchGo: the OpenSearch client, github.com/opensearch-project/opensearch-go/v4.
// Read in v4.8.1:
//   - the API client (opensearchapi.Client, its sub-clients Indices, Cat,
//     Cluster…, and opensearch.Client.Do) hands its context to the request
//     (opensearch.go:497-506), sent by the transport, which is
//     http.DefaultTransport unless Config.Transport is set
//     (opensearchtransport/opensearchtransport.go:518-521);
//   - Config.RequestTimeout bounds each attempt of a request, 0 (the
//     default) bounding none (opensearch.go:116-128,312), and the
//     environment variable OPENSEARCH_GO_REQUEST_TIMEOUT overrides it
//     (opensearchtransport/opensearchtransport.go:566-573,1405-1409;
//     internal/envvars/envvars.go:50-51).
//
// Whether a call is bounded is therefore decided by a struct field, which
// a Library's Bounds (functions) cannot name, and by the environment: the
// entries are unknown, recorded for the system graph and never reported.
var opensearchGo = Library{
	Name:     "opensearch-go",
	Paths:    []string{"github.com/opensearch-project/opensearch-go/v4"},
	Versions: "v4 (v4.8.1 read)",
	Engine:   "opensearch",
	Notes: "A request is bounded by its context and, per attempt, by Config.RequestTimeout or the " +
		"OPENSEARCH_GO_REQUEST_TIMEOUT environment variable (none by default). faultline cannot see either, so it " +
		"records the API client's calls for the system graph and does not judge them; the security and ISM " +
		"plugins are not modelled.",
	APIs: func() []API {
		const api = "github.com/opensearch-project/opensearch-go/v4/opensearchapi"
		var t []API
		// The API client and its sub-clients (unexported types reached
		// through its fields): every method that takes a context first
		// sends a request.
		for _, typ := range []string{
			"Client", "aliasClient", "catClient", "clusterClient", "componentTemplateClient", "danglingClient",
			"dataStreamClient", "documentClient", "indexTemplateClient", "indicesClient", "ingestClient",
			"mappingClient", "nodesClient", "pointInTimeClient", "repositoryClient", "scriptClient", "scrollClient",
			"settingsClient", "snapshotClient", "tasksClient", "templateClient",
		} {
			t = append(t, unknown(wildcard(api, typ, Search)))
		}
		const root = "github.com/opensearch-project/opensearch-go/v4"
		return append(t,
			unknown(method(root, "Client", "Do", Search, 0)),
			unknown(fn(root, "Do", Search, 0)),
			unknown(API{Pkg: root, Type: "Client", Name: "Perform", Kind: Search, Ctx: -1, Req: 0}),
		)
	}(),
	Addrs: []Addr{
		{Func: "github.com/opensearch-project/opensearch-go/v4.NewClient", Arg: 0, Fields: []string{"Addresses"}},
	},
}
