variable "environment_suffix" {
  description = "Suffix that keeps resource names unique per environment"
  type        = string

  validation {
    condition     = length(var.environment_suffix) <= 8
    error_message = "environment_suffix must be at most 8 characters: aws_lb_target_group.services name is limited to 32."
  }
}

variable "service_config" {
  description = "The microservices to run"
  type = map(object({
    port = number
    path = string
  }))
  default = {
    "api-gateway"          = { port = 8080, path = "/api/*" }
    "user-service"         = { port = 8081, path = "/users/*" }
    "order-service"        = { port = 8082, path = "/orders/*" }
    "notification-service" = { port = 8083, path = "/notifications/*" }
    "webhook-processor"    = { port = 8084, path = "/webhooks/*" }
  }
}

variable "vpc_id" {
  type = string
}
