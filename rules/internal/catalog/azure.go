package catalog

func init() { register(&azblob) }

// azblob: Azure Blob Storage's client (azure-sdk-for-go/sdk/storage/azblob)
// and its sub-packages (blob, blockblob, appendblob, pageblob, container,
// service, lease), whose clients all send through azcore's pipeline.
// azcosmos and azservicebus are not modelled (not read).
var azblob = Library{
	Name: "azblob",
	Paths: []string{
		"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob", "github.com/Azure/azure-sdk-for-go/sdk/azcore",
		"github.com/Azure/azure-sdk-for-go/sdk/internal",
	},
	Versions: "azblob v1.8 (v1.8.3 read), azcore v1.23.3, sdk/internal v1.13.0",
	Notes: "Every client method takes the context first and is bounded by it alone: azcore's retry policy " +
		"has no per-try timeout (Retry.TryTimeout is off) and its default HTTP client no Client.Timeout; " +
		"faultline does not read TryTimeout, so it reports such calls even where it is set. An operation's " +
		"Timeout option is the service's server-side timeout; pagers' NextPage (azcore) is not recorded, and " +
		"azcosmos and azservicebus are not modelled.",
	APIs: func() []API {
		const root = "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
		pkg := wildcard(root, "*", Cloud)
		tree := wildcard(root+"/...", "*", Cloud)
		pkg.Service, tree.Service = "azblob", "azblob"
		return []API{pkg, tree}
	}(),
	Addrs: func() []Addr {
		const root = "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
		var t []Addr
		for _, sub := range []string{"", "/blob", "/blockblob", "/appendblob", "/pageblob", "/container", "/service"} {
			// NewClient(url, cred, o), NewClientWithNoCredential(url, o),
			// NewClientWithSharedKeyCredential(url, cred, o) and
			// NewClientFromConnectionString(connectionString, …, o).
			for _, f := range []string{"NewClient", "NewClientWithNoCredential", "NewClientWithSharedKeyCredential", "NewClientFromConnectionString"} {
				t = append(t, Addr{Func: root + sub + "." + f, Arg: 0})
			}
		}
		return t
	}(),
}
