"""Pregnant women (ibu hamil) at the posyandu: registration, antenatal contacts (ANC), risk flags, the outcome."""
