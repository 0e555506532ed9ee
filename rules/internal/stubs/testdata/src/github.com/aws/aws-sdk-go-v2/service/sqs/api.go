// Package sqs is a stub of github.com/aws/aws-sdk-go-v2/service/sqs.
package sqs

import "context"

type Options struct{ Region string }

type Client struct{ options Options }

type ReceiveMessageInput struct {
	QueueUrl        *string
	WaitTimeSeconds int32
}

type ReceiveMessageOutput struct{}

func (c *Client) ReceiveMessage(ctx context.Context, params *ReceiveMessageInput, optFns ...func(*Options)) (*ReceiveMessageOutput, error) {
	return &ReceiveMessageOutput{}, nil
}

type SendMessageInput struct{ QueueUrl, MessageBody *string }

type SendMessageOutput struct{}

func (c *Client) SendMessage(ctx context.Context, params *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error) {
	return &SendMessageOutput{}, nil
}
