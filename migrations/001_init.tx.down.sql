DROP TABLE ingest_messages, api_tokens, notifications, login_events, sessions,
    caseworkers, citizen_accounts, forloeb, citizens, organisations;
