// Package directive defines the faultline rule that checks
// `//faultline:ignore` comments: each must name known rules and give a
// reason, and each must still suppress a finding. It requires every code
// rule, whose results record the directives they used. Its documentation for
// users is doc.md, shown by `faultline explain directive`.
package directive
