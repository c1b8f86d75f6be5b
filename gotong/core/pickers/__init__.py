"""Type-ahead pickers for persons, households and accounts: `fields.PickerField` in forms, `views` for the search
URLs, `sources` and `catalogue` for what each form's picker may list."""
