package sites // want package:`calls\[cloud\(env:AZURE_STORAGE_CONNECTION_STRING timeout=2s\); cloud\(host:shop.blob.core.windows.net unbounded\)\]`

// The package holds the call sites of Azure Blob Storage that the join
// ties to a node: the service (azblob) names the node, and the URL or
// connection string the client was built with, followed through its
// sub-clients, is the evidence of the account.

import (
	"context"
	"os"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/service"
)

func Invoices() {
	c, _ := azblob.NewClientFromConnectionString(os.Getenv("AZURE_STORAGE_CONNECTION_STRING"), nil)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	c.UploadBuffer(ctx, "invoices", "a.pdf", []byte("%PDF"), nil)
}

func Archive() {
	svc, _ := service.NewClientWithNoCredential("https://shop.blob.core.windows.net/", nil)
	svc.NewContainerClient("archive").NewBlockBlobClient("a.pdf").Delete(context.Background(), nil)
}
