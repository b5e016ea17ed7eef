variable "environment_suffix" {
  description = "Suffix appended to every resource name"
  type        = string
}

variable "service_config" {
  description = "The microservices and their task counts"
  type = map(object({
    min_capacity = number
    max_capacity = number
  }))
  default = {
    "notification-service" = {
      min_capacity = 2
      max_capacity = 10
    }
    "webhook-processor" = {
      min_capacity = 2
      max_capacity = 6
    }
  }
}

variable "cpu_target_value" {
  description = "CPU utilization to scale up at"
  type        = number
  default     = 70
}

variable "scale_down_cpu_threshold" {
  description = "CPU utilization to scale down at"
  type        = number
  default     = 30
}
