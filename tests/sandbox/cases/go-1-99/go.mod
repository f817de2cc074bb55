module play

go 1.99
