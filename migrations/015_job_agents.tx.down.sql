DROP TABLE job_agent_tokens;
DROP TABLE job_agents;
