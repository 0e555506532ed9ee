// Package dropped holds ctxdeadline's dropped-context cases for gorm: a
// finisher on a handle with no WithContext on its chain, where the
// caller's context is in scope.
package dropped

import (
	"context"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type Order struct{ ID int }

type Repo struct{ db *gorm.DB }

func New(dsn string) (*Repo, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		return nil, err
	}
	return &Repo{db: db}, nil
}

// Positive: the handle from the field carries no context.
func (r *Repo) Find(ctx context.Context, id int) (Order, error) {
	var o Order
	err := r.db.Where("id = ?", id).First(&o).Error // want `\(\*gorm.DB\).First takes no context, though ctx \(the parameter ctx of \(\*dropped.Repo\).Find\) is in scope: the statement ignores the caller's deadline and cancellation; call WithContext\(ctx\).First\(…\)`
	return o, err
}

func (r *Repo) Save(ctx context.Context, o *Order) error {
	return r.db.Create(o).Error // want `\(\*gorm.DB\).Create takes no context.*call WithContext\(ctx\).Create\(…\)`
}

// A transaction begun on the handle: reported at Begin, with the
// statements on it.
func (r *Repo) Move(ctx context.Context, o *Order) error {
	tx := r.db.Begin() // want `\(\*gorm.DB\).Begin takes no context.*: it and the 3 calls on its result ignore the caller.s deadline and cancellation; call WithContext\(ctx\).Begin\(…\)`
	if err := tx.Delete(o).Error; err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit().Error
}

// Negative: WithContext on the chain; no context in scope.
func (r *Repo) FindCtx(ctx context.Context, id int) (Order, error) { // want FindCtx:`ctxdeadline\(param0 → \(\*gorm.DB\).First\)`
	var o Order
	err := r.db.WithContext(ctx).Where("id = ?", id).First(&o).Error
	return o, err
}

func (r *Repo) Migrate() error { // want Migrate:`ctxdeadline\(no context → \(\*gorm.DB\).AutoMigrate\)`
	return r.db.AutoMigrate(&Order{})
}

// Trap: a handle given by the caller may be a transaction's, which
// carries the context the transaction was begun with: not reported.
func (r *Repo) Transfer(ctx context.Context, a, b *Order) error { // want Transfer:`ctxdeadline\(param0 → \(\*gorm.DB\).Transaction\)`
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Save(a).Error; err != nil {
			return err
		}
		return tx.Save(b).Error
	})
}

// Trap: a field some code of the package sets to a handle with a context
// (a request-scoped copy) may carry one: not reported.
type scoped struct{ db *gorm.DB }

func (r *Repo) scope(ctx context.Context) *scoped { return &scoped{db: r.db.WithContext(ctx)} }

func (s *scoped) Find(ctx context.Context, id int) (Order, error) {
	var o Order
	err := s.db.First(&o, id).Error
	return o, err
}

type User struct {
	ID     int
	Orders []Order
}

// An association: WithContext goes on the *gorm.DB the chain starts from,
// not on the Association, which has none.
func (r *Repo) Orders(ctx context.Context, u *User) ([]Order, error) {
	var o []Order
	err := r.db.Model(u).Association("Orders").Find(&o) // want `\(\*gorm.Association\).Find takes no context.*call WithContext\(ctx\) on the \*gorm.DB the chain starts from`
	return o, err
}
