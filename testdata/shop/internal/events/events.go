// Package events defines the messages the shop publishes on Kafka.
package events

import "time"

// OrderPlacedTopic is the Kafka topic checkout publishes OrderPlaced on.
const OrderPlacedTopic = "shop.orders.placed.v1"

// OrderPlaced is published by checkout once an order is paid.
type OrderPlaced struct {
	OrderID    string    `json:"order_id"`
	CustomerID string    `json:"customer_id"`
	Email      string    `json:"email"`
	TotalCents int64     `json:"total_cents"`
	Currency   string    `json:"currency"`
	Items      []Item    `json:"items"`
	PlacedAt   time.Time `json:"placed_at"`
}

// Item is one line of an order.
type Item struct {
	ProductID string `json:"product_id"`
	Quantity  int32  `json:"quantity"`
}
