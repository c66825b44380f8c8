"""What-if (issue 16 item 4): proposed assets placed on the map, never in the asset list,
and the gaps, coverage and outcomes they would change; kept as named scenarios."""
