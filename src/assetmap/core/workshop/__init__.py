"""Workshop mode: live mapping sessions with contributions from participants' phones."""
