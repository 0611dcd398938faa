ALTER TABLE outbox DROP COLUMN from_address;
DROP TABLE job_agent_tokens;
DROP TABLE job_agents;
