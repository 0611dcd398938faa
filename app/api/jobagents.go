package api

import (
	"context"

	"jobnet/shared"
)

// JobAgents is the citizen's job agents (GET /api/jobagents).
func JobAgents(ctx context.Context) (shared.JobAgents, error) {
	return get[shared.JobAgents](ctx, shared.APIJobAgents)
}

// CreateJobAgent makes a citizen's job agent (POST /api/jobagents).
func CreateJobAgent(ctx context.Context, in shared.JobAgentInput) (shared.JobAgentCreated, error) {
	return request[shared.JobAgentCreated](ctx, "POST", shared.APIJobAgents, in)
}

// CreatePublicJobAgent makes a job agent without a login, confirmed by
// mail (POST /api/v1/jobagents).
func CreatePublicJobAgent(ctx context.Context, in shared.JobAgentInput) (shared.JobAgentCreated, error) {
	return request[shared.JobAgentCreated](ctx, "POST", shared.APIPublicJobAgents, in)
}

// DeleteJobAgent deletes one of the citizen's agents (DELETE
// /api/jobagents/{id}).
func DeleteJobAgent(ctx context.Context, id int64) (shared.JobAgents, error) {
	return request[shared.JobAgents](ctx, "DELETE", shared.JobAgentPath(id), nil)
}
