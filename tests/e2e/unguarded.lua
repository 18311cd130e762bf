-- Test variant: no guard pages at all, so every goroutine stack is canary-protected.
return { stacks = { guard_budget_percent = 0 } }
