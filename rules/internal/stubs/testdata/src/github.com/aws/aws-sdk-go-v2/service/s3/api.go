// Package s3 is a stub of github.com/aws/aws-sdk-go-v2/service/s3.
package s3

import "context"

type Options struct{ Region string }

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client { return &Client{options: options} }

type GetObjectInput struct{ Bucket, Key *string }

type GetObjectOutput struct{}

func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return &GetObjectOutput{}, nil
}

// Options has no context: not an operation.
func (c *Client) Options() Options { return c.options }
