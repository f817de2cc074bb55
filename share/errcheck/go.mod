module gotutor.local/errcheck

go 1.21
