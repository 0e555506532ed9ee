package catalog

import (
	"maps"
	"slices"
	"strings"
)

func init() { register(&consulAPI) }

// consulAPI: the Consul HTTP API client (github.com/hashicorp/consul/api).
// Its default HTTP client has a transport but no Timeout (api.go:444-445,
// 466-476,715-721,803-806), so a request is bounded by its context alone.
// Most calls take that context inside their *QueryOptions or *WriteOptions
// (WithContext, api.go:233-239,277-283; toHTTP, api.go:1045-1047), or
// ServiceRegisterOpts (agent.go:470-478), which faultline cannot follow
// yet: those are recorded, not judged. The calls that take the context
// first (peerings, partitions) are judged; the calls with neither send a
// context-less request.
var consulAPI = Library{
	Name:     "consul api",
	Paths:    []string{"github.com/hashicorp/consul/api"},
	Versions: "v1.34.5 read",
	Engine:   "consul",
	Notes: "The default HTTP client has no overall timeout, so a request is bounded by its context alone. Most " +
		"calls take it in their QueryOptions or WriteOptions (WithContext), which faultline does not follow: " +
		"it records them and stays silent, as on blocking queries (WaitIndex, WaitTime), which the agent bounds; " +
		"a Config.HttpClient with a Timeout is not seen, and DefaultConfig's CONSUL_HTTP_ADDR is not read.",
	APIs: func() []API {
		const pkg = "github.com/hashicorp/consul/api"
		var t []API
		// Calls whose context, if any, is in an options argument.
		for _, typ := range slices.Sorted(maps.Keys(consulWithOptions)) {
			for _, m := range strings.Fields(consulWithOptions[typ]) {
				t = append(t, unknown(method(pkg, typ, m, Consul, -1)))
			}
		}
		// Calls with no context at all: a request on context.Background.
		for _, typ := range slices.Sorted(maps.Keys(consulNoContext)) {
			for _, m := range strings.Fields(consulNoContext[typ]) {
				t = append(t, method(pkg, typ, m, Consul, -1))
			}
		}
		t = append(t,
			// The context first: it replaces the options' (peering.go:158-167).
			wildcard(pkg, "Peerings", Consul),
			wildcard(pkg, "Partitions", Consul),
			method(pkg, "Internal", "AssignServiceVirtualIP", Consul, 0),
			method(pkg, "Debug", "PProf", Consul, 0),

			// Waiting is their purpose: a lock, a semaphore slot.
			consume(method(pkg, "Lock", "Lock", Consul, -1)),
			consume(method(pkg, "Semaphore", "Acquire", Consul, -1)),
			// Long-lived: log and metric streams, a session renewed until
			// told to stop.
			stream(method(pkg, "Agent", "Monitor", Consul, -1)),
			stream(method(pkg, "Agent", "MonitorJSON", Consul, -1)),
			stream(method(pkg, "Agent", "MetricsStream", Consul, 0)),
			stream(method(pkg, "Session", "RenewPeriodic", Consul, -1)),
		)
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/hashicorp/consul/api.NewClient", Arg: 0, Fields: []string{"Address"}},
	},
}

// consulWithOptions are the methods, by type, that send a request with the
// context of their *QueryOptions, *WriteOptions or ServiceRegisterOpts.
var consulWithOptions = map[string]string{
	"ACL": `AuthMethodCreate AuthMethodDelete AuthMethodList AuthMethodRead AuthMethodUpdate BindingRuleCreate
		BindingRuleDelete BindingRuleList BindingRuleRead BindingRuleUpdate Clone Create Destroy Info List Login
		Logout OIDCAuthURL OIDCCallback PolicyCreate PolicyDelete PolicyList PolicyRead PolicyReadByName
		PolicyUpdate Replication RoleCreate RoleDelete RoleList RoleRead RoleReadByName RoleUpdate
		TemplatedPolicyList TemplatedPolicyPreview TemplatedPolicyReadByName TokenClone TokenCreate TokenDelete
		TokenList TokenListFiltered TokenRead TokenReadExpanded TokenReadSelf TokenUpdate Update`,
	"Agent": `AgentHealthServiceByIDOpts AgentHealthServiceByNameOpts CheckDeregisterOpts CheckRegisterOpts
		ChecksWithFilterOpts ConnectCALeaf ConnectCARoots DisableServiceMaintenanceOpts EnableServiceMaintenanceOpts
		ForceLeaveOptions Service ServiceDeregisterOpts ServiceRegisterOpts ServicesWithFilterOpts
		UpdateAgentACLToken UpdateAgentMasterACLToken UpdateAgentRecoveryACLToken UpdateConfigFileRegistrationToken
		UpdateDNSToken UpdateDefaultACLToken UpdateReplicationACLToken UpdateTTLOpts`,
	"Catalog": `Connect ConnectMultipleTags Deregister GatewayServices Node NodeServiceList Nodes Register Service
		ServiceMultipleTags Services`,
	"Census":        `Utilization`,
	"Client":        `ExportedServices ImportedServices`,
	"ConfigEntries": `CAS Delete DeleteCAS Get List Set`,
	"Connect": `CAGetConfig CARoots CASetConfig IntentionCheck IntentionCreate IntentionDelete IntentionDeleteExact
		IntentionGet IntentionGetExact IntentionMatch IntentionUpdate IntentionUpsert Intentions`,
	"Coordinate":     `Node Nodes Update`,
	"DiscoveryChain": `Get`,
	"Event":          `Fire List`,
	"Health":         `Checks Connect ConnectMultipleTags Ingress Node Service ServiceMultipleTags State`,
	"KV":             `Acquire CAS Delete DeleteCAS DeleteTree Get Keys List Put Release Txn`,
	"Namespaces":     `Create Delete List Read Update`,
	"Operator": `AreaCreate AreaDelete AreaGet AreaJoin AreaList AreaMembers AreaUpdate AuditHash
		AutopilotCASConfiguration AutopilotGetConfiguration AutopilotServerHealth AutopilotSetConfiguration
		AutopilotState FeatureGateGet FeatureGateList FeatureGateSet KeyringInstall KeyringList KeyringRemove
		KeyringUse LicenseGet LicenseGetSigned LicensePut LicenseReset RaftGetConfiguration RaftLeaderTransfer
		RaftRemovePeerByAddress RaftRemovePeerByID SegmentList Usage`,
	"PreparedQuery": `Create Delete Execute Get List Update`,
	"Raw":           `Delete Query Write`,
	"Session":       `Create CreateNoChecks Destroy Info List Node Renew`,
	"Snapshot":      `Restore Save`,
	"Status":        `LeaderWithQueryOptions PeersWithQueryOptions`,
	"Txn":           `Txn`,
}

// consulNoContext are the methods, by type, that send a request with no
// context (context.Background).
var consulNoContext = map[string]string{
	"ACL": `Bootstrap BootstrapWithToken`,
	"Agent": `AgentHealthServiceByID AgentHealthServiceByName CheckDeregister CheckRegister Checks ChecksWithFilter
		ConnectAuthorize DisableNodeMaintenance DisableServiceMaintenance EnableNodeMaintenance
		EnableServiceMaintenance FailTTL ForceLeave ForceLeaveOpts ForceLeavePrune Host Join Leave Members
		MembersOpts Metrics NodeName PassTTL Reload Self ServiceDeregister ServiceRegister Services
		ServicesWithFilter UpdateTTL Version WarnTTL`,
	"Catalog":    `Datacenters`,
	"Coordinate": `Datacenters`,
	"Debug":      `Goroutine Heap Profile Trace`,
	"Lock":       `Destroy Unlock`,
	"Semaphore":  `Destroy Release`,
	"Status":     `Leader Peers`,
}
