variable "environment_suffix" {
  description = "Suffix that keeps the resources of one deployment apart"
  type        = string
}

variable "service_config" {
  type = map(object({
    port = number
  }))
  default = {
    api    = { port = 8080 }
    worker = { port = 8081 }
  }
}
