// Package deadline holds ctxdeadline's cases for Azure Blob Storage
// (azblob and its sub-packages): azcore's pipeline has no per-try timeout
// by default and its HTTP client no Client.Timeout.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/blockblob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/container"
)

func client() *azblob.Client {
	c, err := azblob.NewClientFromConnectionString(os.Getenv("AZURE_STORAGE_CONNECTION_STRING"), nil)
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: an upload with a context that has no deadline.
func Hazard() {
	client().UploadBuffer(context.Background(), "invoices", "2024/01.pdf", []byte("%PDF"), nil) // want `context.Background\(\) reaches \(\*azblob.Client\).UploadBuffer with no deadline: the SDK sets no timeout of its own on this call`
}

// Hazard: a cancellable context, through the sub-clients of the
// container package.
func Cancel() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*container.Client\).GetProperties with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	client().ServiceClient().NewContainerClient("invoices").GetProperties(ctx, nil)
}

// Through a helper: the caller's context reaches the download.
func fetch(ctx context.Context, c *azblob.Client, name string) error { // want fetch:"ctxdeadline\\(param0 → \\(\\*azblob.Client\\).DownloadStream\\)"
	resp, err := c.DownloadStream(ctx, "invoices", name, nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Helper() {
	fetch(context.TODO(), client(), "2024/01.pdf") // want `context.TODO\(\) reaches deadline.fetch → \(\*azblob.Client\).DownloadStream with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	client().UploadBuffer(ctx, "invoices", "2024/01.pdf", []byte("%PDF"), nil)
	fetch(ctx, client(), "2024/01.pdf")
}

// Trap: an operation's Timeout is the service's server-side timeout (the
// "timeout" query parameter), not the client's.
func ServerTimeout(bb *blockblob.Client) {
	bb.CommitBlockList(context.Background(), []string{"AAAA"}, &blockblob.CommitBlockListOptions{Timeout: to(30)}) // want `reaches \(\*blockblob.Client\).CommitBlockList with no deadline`
}

// Trap: more retries and a longer retry delay are no bound: each try waits
// as long as the first.
func Retries() {
	opts := &container.ClientOptions{ClientOptions: azcore.ClientOptions{Retry: policy.RetryOptions{MaxRetries: 5, MaxRetryDelay: time.Minute}}}
	c, _ := container.NewClientWithNoCredential("https://shop.blob.core.windows.net/invoices", opts)
	c.Delete(context.Background(), nil) // want `reaches \(\*container.Client\).Delete with no deadline`
}

func to(n int32) *int32 { return &n }
