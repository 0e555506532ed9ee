package catalog

import "strings"

func init() { register(&olivereElastic) }

// olivereElastic: github.com/olivere/elastic/v7, the community
// Elasticsearch client. Read in v7.0.32:
//   - every service sends its request with Client.PerformRequest(ctx, …),
//     which calls the HTTP client with the request under ctx
//     (client.go:1312,1430); the HTTP client is http.DefaultClient unless
//     SetHttpClient gives another (client.go:200,236,322,480-486), so with
//     no deadline a request can wait forever;
//   - retries are off by default (client.go:101-102,340);
//   - NewClient is DialContext(context.Background()) (client.go:206-208),
//     which checks the nodes and sniffs the cluster, each bounded by a 5s
//     startup timeout (client.go:46,68,372-392,942,1202-1204);
//   - a service's Timeout(…) (SearchService.Timeout) is the cluster's
//     search timeout, sent in the request body (search.go:136-139).
var olivereElastic = Library{
	Name:     "olivere/elastic",
	Paths:    []string{"github.com/olivere/elastic/v7"},
	Versions: "v7 (v7.0.32 read)",
	Engine:   "elasticsearch",
	Notes: "A service's Do(ctx) is bounded by its context alone: the client uses http.DefaultClient, with no " +
		"timeout, and does not retry unless a retrier is set. NewClient's health check and sniffing are bounded " +
		"(5s each). A client given its own HTTP client (SetHttpClient) is not judged; a service's Timeout is the " +
		"cluster's search timeout, not a bound of the call.",
	APIs: func() []API {
		const pkg = "github.com/olivere/elastic/v7"
		// The services: Do(ctx), and DoAsync(ctx) and Clear(ctx) where
		// they exist, are their only methods that take a context first.
		var t []API
		for _, typ := range strings.Fields(olivereServices) {
			t = append(t, wildcard(pkg, typ, Search))
		}
		return append(t,
			method(pkg, "Client", "PerformRequest", Search, 0),
			bounded(fn(pkg, "NewClient", Search, -1)),
			bounded(fn(pkg, "DialContext", Search, 0)),
		)
	}(),
	Addrs: []Addr{
		{Func: "github.com/olivere/elastic/v7.SetURL", Arg: -1},
	},
	Bounds: []string{
		// Whatever HTTP client it is, faultline does not look at it: a
		// client built with one is not judged.
		"github.com/olivere/elastic/v7.SetHttpClient",
	},
}

// olivereServices are the types of olivere/elastic v7.0.32 with a Do(ctx).
const olivereServices = `
	AliasService AliasesService BulkProcessorService BulkService CatAliasesService CatAllocationService
	CatCountService CatFielddataService CatHealthService CatIndicesService CatMasterService
	CatShardsService CatSnapshotsService ClearScrollService ClosePointInTimeService ClusterHealthService
	ClusterRerouteService ClusterStateService ClusterStatsService CountService DeleteByQueryService
	DeleteScriptService DeleteService ExistsService ExplainService FieldCapsService GetScriptService
	GetService IndexService IndicesAnalyzeService IndicesClearCacheService IndicesCloseService
	IndicesCreateService IndicesDeleteComponentTemplateService IndicesDeleteIndexTemplateService
	IndicesDeleteService IndicesDeleteTemplateService IndicesExistsService IndicesExistsTemplateService
	IndicesFlushService IndicesForcemergeService IndicesFreezeService IndicesGetComponentTemplateService
	IndicesGetFieldMappingService IndicesGetIndexTemplateService IndicesGetMappingService IndicesGetService
	IndicesGetSettingsService IndicesGetTemplateService IndicesOpenService
	IndicesPutComponentTemplateService IndicesPutIndexTemplateService IndicesPutMappingService
	IndicesPutSettingsService IndicesPutTemplateService IndicesRolloverService IndicesSegmentsService
	IndicesShrinkService IndicesStatsService IndicesSyncedFlushService IndicesUnfreezeService
	IngestDeletePipelineService IngestGetPipelineService IngestPutPipelineService
	IngestSimulatePipelineService MgetService MultiSearchService MultiTermvectorService NodesInfoService
	NodesStatsService OpenPointInTimeService PingService PutScriptService RefreshService ReindexService
	ScrollService SearchService SearchShardsService SnapshotCreateRepositoryService SnapshotCreateService
	SnapshotDeleteRepositoryService SnapshotDeleteService SnapshotGetRepositoryService SnapshotGetService
	SnapshotRestoreService SnapshotStatusService SnapshotVerifyRepositoryService TasksCancelService
	TasksGetTaskService TasksListService TermvectorsService UpdateByQueryService UpdateService
	ValidateService XPackAsyncSearchDelete XPackAsyncSearchGet XPackAsyncSearchSubmit
	XPackIlmDeleteLifecycleService XPackIlmGetLifecycleService XPackIlmPutLifecycleService XPackInfoService
	XPackRollupDeleteService XPackRollupGetService XPackRollupPutService XPackRollupStartService
	XPackRollupStopService XPackSecurityChangePasswordService XPackSecurityDeleteRoleMappingService
	XPackSecurityDeleteRoleService XPackSecurityDeleteUserService XPackSecurityDisableUserService
	XPackSecurityEnableUserService XPackSecurityGetRoleMappingService XPackSecurityGetRoleService
	XPackSecurityGetUserService XPackSecurityPutRoleMappingService XPackSecurityPutRoleService
	XPackSecurityPutUserService XPackWatcherAckWatchService XPackWatcherActivateWatchService
	XPackWatcherDeactivateWatchService XPackWatcherDeleteWatchService XPackWatcherExecuteWatchService
	XPackWatcherGetWatchService XPackWatcherPutWatchService XPackWatcherStartService
	XPackWatcherStatsService XPackWatcherStopService
`
