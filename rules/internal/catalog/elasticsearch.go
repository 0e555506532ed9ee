package catalog

import "strings"

func init() { register(&goElasticsearch) }

// goElasticsearch: the official Elasticsearch client, v8 and v7
// (github.com/elastic/go-elasticsearch).
//
// Read in go-elasticsearch@v8.19.7 with elastic-transport-go@v8.9.0, and
// go-elasticsearch@v7.17.10:
//   - a request is bounded by the context given to its Do alone: esapi's
//     SearchRequest.Do(ctx, transport) sets it on the HTTP request
//     (v8 esapi/api.search.go:119-133,379-380; v7 esapi/api.search.go:111,351-352),
//     and the typed API's Do(ctx) likewise (v8 typedapi/core/search/search.go:264,306);
//   - the transport is a clone of http.DefaultTransport (v8
//     elastictransport/elastictransport.go:206-213; v7 uses it as is,
//     estransport/estransport.go:154-157), called with RoundTrip and no
//     http.Client, so nothing bounds a request overall
//     (elastictransport.go:542);
//   - it retries 502, 503 and 504 (elastictransport.go:46-47; v7
//     estransport.go:61-62) and, in v8, every transport error when
//     RetryOnError is nil (elastictransport.go:455), v7 every network
//     error but timeouts (estransport.go:393-397), with no pause unless
//     RetryBackoff is set (elastictransport.go:497);
//   - the addresses are Config.Addresses or Config.CloudID, else
//     ELASTICSEARCH_URL, else http://localhost:9200 (v8
//     elasticsearch.go:216-233,416-437,683-686; options.go:54-70;
//     v7 elasticsearch.go:144-165,416-419).
//
// esapi is listed request type by request type: each API is also a
// function type whose WithContext(ctx) method takes a context first, so a
// wildcard of the package would take those option builders for requests.
// The list is the union of the request types of v8.19.7 (560) and v7.17.10
// (406), each written without its "Request" suffix; a name a version lacks
// resolves to nothing.
//
// Calls of the functional API (es.Search(es.Search.WithContext(ctx), …))
// are calls of function values (the fields of esapi.API), which no entry
// can name; the typed client's es.Search() builders are function values
// too, so the Do that follows is judged but its client is not followed
// back to its addresses.
var goElasticsearch = Library{
	Name: "go-elasticsearch",
	Paths: []string{
		"github.com/elastic/go-elasticsearch/v8", "github.com/elastic/go-elasticsearch/v7",
		"github.com/elastic/elastic-transport-go/v8",
	},
	Versions: "v8 (v8.19.7 read, with elastic-transport-go v8.9.0), v7 (v7.17.10 read)",
	Engine:   "elasticsearch",
	Notes: "A request is bounded by its context alone: the transport (a clone of http.DefaultTransport) has no " +
		"overall timeout, and it retries 502/503/504 and transport errors (v7: not timeouts) up to 3 times with no " +
		"pause unless RetryBackoff is set. faultline judges esapi requests' Do(ctx, client), the v8 typed API's " +
		"Do(ctx) and Perform(req); calls of the functional API (es.Search(es.Search.WithContext(ctx))) are calls of " +
		"function values, which it does not see, and a custom Config.Transport is not looked at.",
	APIs: func() []API {
		var t []API
		for _, pkg := range []string{"github.com/elastic/go-elasticsearch/v8/esapi", "github.com/elastic/go-elasticsearch/v7/esapi"} {
			t = append(t, method(pkg, "Request", "Do", Search, 0))
			for _, name := range strings.Fields(esapiRequests) {
				t = append(t, method(pkg, name+"Request", "Do", Search, 0))
			}
		}
		t = append(t,
			// Every endpoint package of the typed API holds one builder
			// whose Do, Perform and IsSuccess take the context first and
			// send the request; its HttpRequest(ctx) only builds one.
			wildcard("github.com/elastic/go-elasticsearch/v8/typedapi/...", "*", Search),
			API{Pkg: "github.com/elastic/go-elasticsearch/v8", Type: "BaseClient", Name: "Perform", Kind: Search, Ctx: -1, Req: 0},
			API{Pkg: "github.com/elastic/go-elasticsearch/v7", Type: "Client", Name: "Perform", Kind: Search, Ctx: -1, Req: 0},
		)
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/elastic/go-elasticsearch/v8.NewClient", Arg: 0, Fields: []string{"Addresses", "CloudID"}},
		{Func: "github.com/elastic/go-elasticsearch/v8.NewTypedClient", Arg: 0, Fields: []string{"Addresses", "CloudID"}},
		{Func: "github.com/elastic/go-elasticsearch/v8.NewBaseClient", Arg: 0, Fields: []string{"Addresses", "CloudID"}},
		{Func: "github.com/elastic/go-elasticsearch/v8.WithAddresses", Arg: -1},
		{Func: "github.com/elastic/go-elasticsearch/v8.WithCloudID", Arg: 0},
		{Func: "github.com/elastic/go-elasticsearch/v7.NewClient", Arg: 0, Fields: []string{"Addresses", "CloudID"}},
	},
}

// esapiRequests are the request types of esapi (v8 and v7), without their
// "Request" suffix.
const esapiRequests = `
	AsyncSearchDelete AsyncSearchGet AsyncSearchStatus AsyncSearchSubmit AutoscalingDeleteAutoscalingPolicy
	AutoscalingGetAutoscalingCapacity AutoscalingGetAutoscalingDecision AutoscalingGetAutoscalingPolicy
	AutoscalingPutAutoscalingPolicy Bulk CCRDeleteAutoFollowPattern CCRFollowInfo CCRFollow CCRFollowStats
	CCRForgetFollower CCRGetAutoFollowPattern CCRPauseAutoFollowPattern CCRPauseFollow
	CCRPutAutoFollowPattern CCRResumeAutoFollowPattern CCRResumeFollow CCRStats CCRUnfollow Capabilities
	CatAliases CatAllocation CatComponentTemplates CatCount CatFielddata CatHealth CatHelp CatIndices
	CatMLDataFrameAnalytics CatMLDatafeeds CatMLJobs CatMLTrainedModels CatMaster CatNodeattrs CatNodes
	CatPendingTasks CatPlugins CatRecovery CatRepositories CatSegments CatShards CatSnapshots CatTasks
	CatTemplates CatThreadPool CatTransforms ClearScroll ClosePointInTime ClusterAllocationExplain
	ClusterDeleteComponentTemplate ClusterDeleteVotingConfigExclusions ClusterExistsComponentTemplate
	ClusterGetComponentTemplate ClusterGetSettings ClusterHealth ClusterInfo ClusterPendingTasks
	ClusterPostVotingConfigExclusions ClusterPutComponentTemplate ClusterPutSettings ClusterRemoteInfo
	ClusterReroute ClusterState ClusterStats ConnectorCheckIn ConnectorDelete ConnectorGet
	ConnectorLastSync ConnectorList ConnectorPost ConnectorPut ConnectorSecretDelete ConnectorSecretGet
	ConnectorSecretPost ConnectorSecretPut ConnectorSyncJobCancel ConnectorSyncJobCheckIn
	ConnectorSyncJobClaim ConnectorSyncJobDelete ConnectorSyncJobError ConnectorSyncJobGet
	ConnectorSyncJobList ConnectorSyncJobPost ConnectorSyncJobUpdateStats ConnectorUpdateAPIKeyDocumentID
	ConnectorUpdateActiveFiltering ConnectorUpdateConfiguration ConnectorUpdateError
	ConnectorUpdateFeatures ConnectorUpdateFiltering ConnectorUpdateFilteringValidation
	ConnectorUpdateIndexName ConnectorUpdateName ConnectorUpdateNative ConnectorUpdatePipeline
	ConnectorUpdateScheduling ConnectorUpdateServiceDocumentType ConnectorUpdateStatus Count Create
	DanglingIndicesDeleteDanglingIndex DanglingIndicesImportDanglingIndex
	DanglingIndicesListDanglingIndices DataFrameTransformDeprecatedDeleteTransform
	DataFrameTransformDeprecatedGetTransform DataFrameTransformDeprecatedGetTransformStats
	DataFrameTransformDeprecatedPreviewTransform DataFrameTransformDeprecatedPutTransform
	DataFrameTransformDeprecatedStartTransform DataFrameTransformDeprecatedStopTransform
	DataFrameTransformDeprecatedUpdateTransform DeleteByQuery DeleteByQueryRethrottle Delete DeleteScript
	EnrichDeletePolicy EnrichExecutePolicy EnrichGetPolicy EnrichPutPolicy EnrichStats EqlDelete EqlGet
	EqlGetStatus EqlSearch EsqlAsyncQueryDelete EsqlAsyncQueryGet EsqlAsyncQuery EsqlAsyncQueryStop
	EsqlQuery Exists ExistsSource Explain FeaturesGetFeatures FeaturesResetFeatures FieldCaps
	FleetDeleteSecret FleetGetSecret FleetGlobalCheckpoints FleetMsearch FleetPostSecret FleetSearch Get
	GetScriptContext GetScriptLanguages GetScript GetSource GraphExplore HealthReport ILMDeleteLifecycle
	ILMExplainLifecycle ILMGetLifecycle ILMGetStatus ILMMigrateToDataTiers ILMMoveToStep ILMPutLifecycle
	ILMRemovePolicy ILMRetry ILMStart ILMStop Index IndicesAddBlock IndicesAnalyze
	IndicesCancelMigrateReindex IndicesClearCache IndicesClone IndicesClose IndicesCreateDataStream
	IndicesCreateFrom IndicesCreate IndicesDataStreamsStats IndicesDeleteAlias IndicesDeleteDataLifecycle
	IndicesDeleteDataStreamOptions IndicesDeleteDataStream IndicesDeleteIndexTemplate IndicesDelete
	IndicesDeleteTemplate IndicesDiskUsage IndicesDownsample IndicesExistsAlias IndicesExistsDocumentType
	IndicesExistsIndexTemplate IndicesExists IndicesExistsTemplate IndicesExplainDataLifecycle
	IndicesFieldUsageStats IndicesFlush IndicesFlushSynced IndicesForcemerge IndicesFreeze IndicesGetAlias
	IndicesGetDataLifecycle IndicesGetDataLifecycleStats IndicesGetDataStreamOptions IndicesGetDataStream
	IndicesGetDataStreamSettings IndicesGetFieldMapping IndicesGetIndexTemplate IndicesGetMapping
	IndicesGetMigrateReindexStatus IndicesGet IndicesGetSettings IndicesGetTemplate IndicesGetUpgrade
	IndicesMigrateReindex IndicesMigrateToDataStream IndicesModifyDataStream IndicesOpen
	IndicesPromoteDataStream IndicesPutAlias IndicesPutDataLifecycle IndicesPutDataStreamOptions
	IndicesPutDataStreamSettings IndicesPutIndexTemplate IndicesPutMapping IndicesPutSettings
	IndicesPutTemplate IndicesRecovery IndicesRefresh IndicesReloadSearchAnalyzers IndicesResolveCluster
	IndicesResolveIndex IndicesRollover IndicesSegments IndicesShardStores IndicesShrink
	IndicesSimulateIndexTemplate IndicesSimulateTemplate IndicesSplit IndicesStats IndicesUnfreeze
	IndicesUpdateAliases IndicesUpgrade IndicesValidateQuery InferenceChatCompletionUnified
	InferenceCompletion InferenceDelete InferenceGet InferenceInference InferencePutAlibabacloud
	InferencePutAmazonbedrock InferencePutAmazonsagemaker InferencePutAnthropic InferencePutAzureaistudio
	InferencePutAzureopenai InferencePutCohere InferencePutCustom InferencePutDeepseek
	InferencePutElasticsearch InferencePutElser InferencePutGoogleaistudio InferencePutGooglevertexai
	InferencePutHuggingFace InferencePutJinaai InferencePutMistral InferencePutOpenai InferencePut
	InferencePutVoyageai InferencePutWatsonx InferenceRerank InferenceSparseEmbedding
	InferenceStreamCompletion InferenceTextEmbedding InferenceUpdate Info IngestDeleteGeoipDatabase
	IngestDeleteIPLocationDatabase IngestDeletePipeline IngestGeoIPStats IngestGetGeoipDatabase
	IngestGetIPLocationDatabase IngestGetPipeline IngestProcessorGrok IngestPutGeoipDatabase
	IngestPutIPLocationDatabase IngestPutPipeline IngestSimulate KnnSearch LicenseDelete
	LicenseGetBasicStatus LicenseGet LicenseGetTrialStatus LicensePost LicensePostStartBasic
	LicensePostStartTrial LogstashDeletePipeline LogstashGetPipeline LogstashPutPipeline
	MLClearTrainedModelDeploymentCache MLCloseJob MLDeleteCalendarEvent MLDeleteCalendarJob
	MLDeleteCalendar MLDeleteDataFrameAnalytics MLDeleteDatafeed MLDeleteExpiredData MLDeleteFilter
	MLDeleteForecast MLDeleteJob MLDeleteModelSnapshot MLDeleteTrainedModelAlias MLDeleteTrainedModel
	MLEstimateModelMemory MLEvaluateDataFrame MLExplainDataFrameAnalytics MLFindFileStructure MLFlushJob
	MLForecast MLGetBuckets MLGetCalendarEvents MLGetCalendars MLGetCategories MLGetDataFrameAnalytics
	MLGetDataFrameAnalyticsStats MLGetDatafeedStats MLGetDatafeeds MLGetFilters MLGetInfluencers
	MLGetJobStats MLGetJobs MLGetMemoryStats MLGetModelSnapshotUpgradeStats MLGetModelSnapshots
	MLGetOverallBuckets MLGetRecords MLGetTrainedModels MLGetTrainedModelsStats MLInferTrainedModel MLInfo
	MLOpenJob MLPostCalendarEvents MLPostData MLPreviewDataFrameAnalytics MLPreviewDatafeed
	MLPutCalendarJob MLPutCalendar MLPutDataFrameAnalytics MLPutDatafeed MLPutFilter MLPutJob
	MLPutTrainedModelAlias MLPutTrainedModelDefinitionPart MLPutTrainedModel MLPutTrainedModelVocabulary
	MLResetJob MLRevertModelSnapshot MLSetUpgradeMode MLStartDataFrameAnalytics MLStartDatafeed
	MLStartTrainedModelDeployment MLStopDataFrameAnalytics MLStopDatafeed MLStopTrainedModelDeployment
	MLUpdateDataFrameAnalytics MLUpdateDatafeed MLUpdateFilter MLUpdateJob MLUpdateModelSnapshot
	MLUpdateTrainedModelDeployment MLUpgradeJobSnapshot MLValidateDetector MLValidate Mget
	MigrationDeprecations MigrationGetFeatureUpgradeStatus MigrationPostFeatureUpgrade MonitoringBulk
	Msearch MsearchTemplate Mtermvectors NodesClearMeteringArchive NodesClearRepositoriesMeteringArchive
	NodesGetMeteringInfo NodesGetRepositoriesMeteringInfo NodesHotThreads NodesInfo
	NodesReloadSecureSettings NodesStats NodesUsage OpenPointInTime Ping ProfilingFlamegraph
	ProfilingStacktraces ProfilingStatus ProfilingTopnFunctions PutScript QueryRulesDeleteRule
	QueryRulesDeleteRuleset QueryRulesGetRule QueryRulesGetRuleset QueryRulesListRulesets QueryRulesPutRule
	QueryRulesPutRuleset QueryRulesTest RankEval Reindex ReindexRethrottle RenderSearchTemplate
	RollupDeleteJob RollupGetJobs RollupGetRollupCaps RollupGetRollupIndexCaps RollupPutJob RollupRollup
	RollupRollupSearch RollupStartJob RollupStopJob SQLClearCursor SQLDeleteAsync SQLGetAsync
	SQLGetAsyncStatus SQLQuery SQLTranslate SSLCertificates ScriptsPainlessExecute Scroll
	SearchApplicationDeleteBehavioralAnalytics SearchApplicationDelete
	SearchApplicationGetBehavioralAnalytics SearchApplicationGet SearchApplicationList
	SearchApplicationPostBehavioralAnalyticsEvent SearchApplicationPutBehavioralAnalytics
	SearchApplicationPut SearchApplicationRenderQuery SearchApplicationSearch SearchMvt Search SearchShards
	SearchTemplate SearchableSnapshotsCacheStats SearchableSnapshotsClearCache SearchableSnapshotsMount
	SearchableSnapshotsRepositoryStats SearchableSnapshotsStats SecurityActivateUserProfile
	SecurityAuthenticate SecurityBulkDeleteRole SecurityBulkPutRole SecurityBulkUpdateAPIKeys
	SecurityChangePassword SecurityClearAPIKeyCache SecurityClearCachedPrivileges SecurityClearCachedRealms
	SecurityClearCachedRoles SecurityClearCachedServiceTokens SecurityCreateAPIKey
	SecurityCreateCrossClusterAPIKey SecurityCreateServiceToken SecurityDelegatePki
	SecurityDeletePrivileges SecurityDeleteRoleMapping SecurityDeleteRole SecurityDeleteServiceToken
	SecurityDeleteUser SecurityDisableUserProfile SecurityDisableUser SecurityEnableUserProfile
	SecurityEnableUser SecurityEnrollKibana SecurityEnrollNode SecurityGetAPIKey
	SecurityGetBuiltinPrivileges SecurityGetPrivileges SecurityGetRoleMapping SecurityGetRole
	SecurityGetServiceAccounts SecurityGetServiceCredentials SecurityGetSettings SecurityGetToken
	SecurityGetUserPrivileges SecurityGetUserProfile SecurityGetUser SecurityGrantAPIKey
	SecurityHasPrivileges SecurityHasPrivilegesUserProfile SecurityInvalidateAPIKey SecurityInvalidateToken
	SecurityOidcAuthenticate SecurityOidcLogout SecurityOidcPrepareAuthentication SecurityPutPrivileges
	SecurityPutRoleMapping SecurityPutRole SecurityPutUser SecurityQueryAPIKeys SecurityQueryRole
	SecurityQueryUser SecuritySamlAuthenticate SecuritySamlCompleteLogout SecuritySamlInvalidate
	SecuritySamlLogout SecuritySamlPrepareAuthentication SecuritySamlServiceProviderMetadata
	SecuritySuggestUserProfiles SecurityUpdateAPIKey SecurityUpdateCrossClusterAPIKey
	SecurityUpdateSettings SecurityUpdateUserProfileData ShutdownDeleteNode ShutdownGetNode ShutdownPutNode
	SimulateIngest SlmDeleteLifecycle SlmExecuteLifecycle SlmExecuteRetention SlmGetLifecycle SlmGetStats
	SlmGetStatus SlmPutLifecycle SlmStart SlmStop SnapshotCleanupRepository SnapshotClone
	SnapshotCreateRepository SnapshotCreate SnapshotDeleteRepository SnapshotDelete SnapshotGetRepository
	SnapshotGet SnapshotRepositoryAnalyze SnapshotRepositoryVerifyIntegrity SnapshotRestore SnapshotStatus
	SnapshotVerifyRepository StreamsLogsDisable StreamsLogsEnable StreamsStatus SynonymsDeleteSynonym
	SynonymsDeleteSynonymRule SynonymsGetSynonym SynonymsGetSynonymRule SynonymsGetSynonymsSets
	SynonymsPutSynonym SynonymsPutSynonymRule TasksCancel TasksGet TasksList TermsEnum Termvectors
	TextStructureFindFieldStructure TextStructureFindMessageStructure TextStructureFindStructure
	TextStructureTestGrokPattern TransformDeleteTransform TransformGetNodeStats TransformGetTransform
	TransformGetTransformStats TransformPreviewTransform TransformPutTransform TransformResetTransform
	TransformScheduleNowTransform TransformSetUpgradeMode TransformStartTransform TransformStopTransform
	TransformUpdateTransform TransformUpgradeTransforms UpdateByQuery UpdateByQueryRethrottle Update
	WatcherAckWatch WatcherActivateWatch WatcherDeactivateWatch WatcherDeleteWatch WatcherExecuteWatch
	WatcherGetSettings WatcherGetWatch WatcherPutWatch WatcherQueryWatches WatcherStart WatcherStats
	WatcherStop WatcherUpdateSettings XPackInfo XPackUsage
`
