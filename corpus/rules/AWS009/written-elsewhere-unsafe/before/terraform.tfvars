given = "Grupo de producción"
