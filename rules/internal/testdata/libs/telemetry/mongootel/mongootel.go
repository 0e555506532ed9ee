// Package mongootel connects to MongoDB with otelmongo's command monitor,
// set on the options after they were built (silent), and without
// (reported).
package mongootel

import (
	"context"
	"os"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
	"go.opentelemetry.io/contrib/instrumentation/go.mongodb.org/mongo-driver/mongo/otelmongo"
)

func Orders(ctx context.Context) error {
	opts := options.Client().ApplyURI(os.Getenv("ORDERS_MONGO_URI"))
	opts.SetMonitor(otelmongo.NewMonitor())
	client, err := mongo.Connect(ctx, opts)
	if err != nil {
		return err
	}
	return client.Database("shop").Collection("orders").FindOne(ctx, bson.M{}).Err()
}

func Users(ctx context.Context) error {
	client, err := mongo.Connect(ctx, options.Client().ApplyURI(os.Getenv("USERS_MONGO_URI"))) // want `^MongoDB client for env USERS_MONGO_URI has no telemetry`
	if err != nil {
		return err
	}
	return client.Database("shop").Collection("users").FindOne(ctx, bson.M{}).Err()
}
